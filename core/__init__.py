"""What every app uses, one way each: rich text, uploads, the mailer, cache revisions.

The bottom of the app order: it imports no other app of the project.
"""
