//! The thread that runs the server's SCIM writes, one after another.
//!
//! The store takes one write at a time anyway (SQLite's write lock, the
//! store's writer connection). Run on the blocking pool, each write costs
//! a hand-off to a pool thread and, under load, a sleep and a wake-up on
//! the writer's mutex while another write holds it — two to three context
//! switches that cost more than a small write itself. One thread taking
//! the writes from a queue in turn does the same work with neither: while
//! it is busy, a request's job waits in the queue without a thread of its
//! own, and the thread sleeps only when the queue is empty.
//!
//! The queue is bounded by the store's job slots (`Guard::store_job`),
//! which a write holds from the moment it is queued until it is answered.
//! A job that panics is caught: its request gets a 500 and the lane goes
//! on with the next.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;
use std::sync::mpsc::{self, Sender};

use tokio::sync::oneshot;

use super::limits::JobFailed;

type Job = Box<dyn FnOnce() + Send>;

/// A handle to the lane's queue. The thread starts with the first write
/// and ends when the lane is dropped.
#[derive(Default)]
pub struct WriteLane {
    tx: OnceLock<Option<Sender<Job>>>,
}

impl WriteLane {
    fn sender(&self) -> Option<&Sender<Job>> {
        self.tx
            .get_or_init(|| {
                let (tx, rx) = mpsc::channel::<Job>();
                let started = std::thread::Builder::new()
                    .name("scimctl-writes".into())
                    .spawn(move || {
                        while let Ok(job) = rx.recv() {
                            // The job's own answer is dropped by a panic (its
                            // request then fails); the lane must not die of it.
                            let _ = catch_unwind(AssertUnwindSafe(job));
                        }
                    });
                match started {
                    Ok(_) => Some(tx),
                    Err(e) => {
                        tracing::error!(error = %e, "cannot start the write lane's thread");
                        None
                    }
                }
            })
            .as_ref()
    }

    /// Runs `f` on the lane and waits for its answer.
    pub async fn run<T, F>(&self, f: F) -> Result<T, JobFailed>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (done, answer) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(f());
        });
        if self.sender().is_none_or(|tx| tx.send(job).is_err()) {
            return Err(JobFailed("the write lane has stopped".into()));
        }
        answer
            .await
            .map_err(|_| JobFailed("the write failed inside its task (a panic)".into()))
    }
}
