-- Rows of frame are wire frames from now on, as they crossed the wire, not messages: a fragmented
-- message is several rows, a compressed one keeps its compressed bytes. What a message is (for
-- search, export and the log's message view) is said on the row of the frame that completes it:
--   header          the frame's header as sent: length encoding and mask key (NULL: not known,
--                   as for rows recorded before this step or imported; the canonical header applies)
--   message_opcode  NULL: the row is a whole message by itself (every row recorded before this
--                   step, and nearly every frame since); -1: a fragment that does not end a
--                   message (not a message); 0-15: the row ends a message of that opcode, plus 16
--                   when it was compressed, whose payload is message_payload (assembled, inflated)
--                   and which took message_frames frames
--   leg             which TCP connection the frame crossed: NULL or 1 upstream (Sockscope to the
--                   server, a connection's only leg when Sockscope is the client), 0 the app's side
-- Existing rows need no value (NULL says what they always were). H2 rewrites a table for each ALTER
-- (about 11 s per million frames here), so each table gets one ALTER. An ALTER that was committed
-- before the step was cut short fails with "duplicate column" when the step runs again, which the
-- migration runner takes as done: the step is safe to repeat.
ALTER TABLE frame ADD (
    header VARBINARY(14),
    message_opcode TINYINT,
    message_payload VARBINARY(1000000),
    message_payload_large BLOB,
    message_frames INT,
    leg TINYINT
);

-- Who started the close: CLIENT, SERVER or PROXY (close_remote stays for rows recorded before).
ALTER TABLE connection ADD (
    closed_by VARCHAR(10),
    not_upgraded VARCHAR(1000)
);
