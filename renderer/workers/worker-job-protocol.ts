/** What crosses the boundary between a worker-job client and its worker, one job per message. */
export interface JobMessage<Req> {
  id: number;
  request: Req;
}

export type JobReply<Res> =
  | { id: number; ok: true; value: Res }
  | { id: number; ok: false; message: string }
  /** How far a long job has come (done of total steps), sent while it runs. */
  | { id: number; progress: { done: number; total: number } };
