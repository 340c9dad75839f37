/** The analysis worker: runs one request at a time off the UI thread and posts back plain data, with progress on long jobs. */
import { serveWorkerJobs } from "../workers/worker-job-host";
import { runAnalysis } from "./jobs";

serveWorkerJobs((request: Parameters<typeof runAnalysis>[0], progress) => runAnalysis(request, progress));
