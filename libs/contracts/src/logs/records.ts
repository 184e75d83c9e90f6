import { z } from 'zod';

/** One line of the HTTP access log (design §3), as stored in stream ACCESS_LOG. */
export const accessLogRecordSchema = z.object({
  line: z.string(),
  time: z.string(),
  nodeId: z.string(),
  requestId: z.string(),
  ip: z.string(),
  who: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number(),
});
export type AccessLogRecord = z.infer<typeof accessLogRecordSchema>;

/** One trace event: every rejection with its reason, as stored in stream TRACE_LOG. */
export const traceLogRecordSchema = z.object({
  line: z.string(),
  time: z.string(),
  nodeId: z.string(),
  requestId: z.string().optional(),
  level: z.enum(['info', 'warn', 'error']),
  event: z.string(),
  reason: z.string().optional(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type TraceLogRecord = z.infer<typeof traceLogRecordSchema>;

/** Message processing log: one record per message a flow handled. */
export const mplRecordSchema = z.object({
  messageId: z.string(),
  /** The ingress request id that carried the message (its access and trace records carry it too); absent in older records. */
  requestId: z.string().optional(),
  flowId: z.string().optional(),
  address: z.string(),
  principal: z.string().optional(),
  status: z.number().int(),
  outcome: z.enum(['completed', 'denied', 'failed', 'not_found']),
  durationMs: z.number(),
  error: z.string().optional(),
  time: z.string(),
  nodeId: z.string(),
});
export type MplRecord = z.infer<typeof mplRecordSchema>;

/** Subjects (below the tenant namespace) the records are published on. */
export const LogSubjects = {
  access: (nodeId: string) => `logs.access.${nodeId}`,
  trace: (nodeId: string) => `logs.trace.${nodeId}`,
  mpl: (flowId: string) => `mpl.${flowId}`,
} as const;
