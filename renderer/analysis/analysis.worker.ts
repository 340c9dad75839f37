/** The analysis worker: runs one request at a time off the UI thread and posts back plain data. */
import { serveWorkerJobs } from "../workers/worker-job-host";
import { runAnalysis } from "./jobs";

serveWorkerJobs(runAnalysis);
