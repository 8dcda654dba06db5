"""What every app uses, one way each: rich text, uploads, the mailer, cached fragments and their
revisions, the sections later apps contribute to earlier apps' pages.

The bottom of the app order: it imports no other app of the project.
"""
