-- The W3C traceparent of the code-issued event's handling, so that the code's redemption at /token joins the trace
-- that issued it (null when tracing is off).
ALTER TABLE received_code ADD COLUMN trace_parent VARCHAR(128);
