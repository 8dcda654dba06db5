"""The newsletter's services, by what each owns: `subscribers` (who gets the letter),
`assembly` (drafting an edition from what the network did), `editing` (the coordinator's
changes to a draft) and `sending` (sending, scheduling, and the delivery queue that sends each
subscriber their e-mail exactly once)."""
