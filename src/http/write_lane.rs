//! The thread that runs the server's SCIM writes, in batches.
//!
//! The store takes one write at a time anyway (SQLite's write lock and
//! its writer connection; PostgreSQL's write lock, shared by every
//! instance, which a batch takes once for all its requests). Run on the blocking pool, each write costs
//! a hand-off to a pool thread and, under load, a sleep and a wake-up on
//! the writer's mutex while another write holds it — context switches
//! that cost more than a small write itself. One thread taking the writes
//! from a queue does the same work with neither: while it is busy, a
//! request's job waits in the queue without a thread of its own.
//!
//! And while it is busy, writes queue up: the lane takes what has queued
//! (up to `MAX_BATCH` jobs or `MAX_BATCH_BYTES` of request bodies) and
//! runs them in one transaction, each as a step that fails alone
//! (`Engine::scim_write_batch`), so that they share one commit — half of
//! what a create costs on its own. When fewer have queued than the last
//! batch held, the lane first yields its core once, so that the request
//! threads on this machine's few cores can queue the writes they are
//! parsing. Every request is answered only after the commit that made its
//! write durable; a lone write is a batch of one and never waits.
//!
//! The queue is bounded by the store's job slots (`Guard::with_store_slot`),
//! which a write holds from the moment it is queued until it is answered.
//! A batch that panics outside its steps is caught: its requests get a 500
//! and the lane goes on with the next.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;
use std::sync::mpsc::{self, Receiver, Sender};

use tokio::sync::oneshot;

use super::limits::JobFailed;
use super::scim::Done;
use crate::engine::Engine;
use crate::engine::scim::session::{SessionOutcome, WriteJob};

/// Jobs in one batch at most.
const MAX_BATCH: usize = 32;
/// Request bodies in one batch at most (a batch holds the write lock for
/// all its jobs; one body alone may be larger).
const MAX_BATCH_BYTES: usize = 256 << 10;

struct Queued {
    job: WriteJob<Done>,
    body_len: usize,
    reply: oneshot::Sender<SessionOutcome<Done>>,
}

/// A handle to the lane's queue. The thread starts with the first write
/// and ends when the lane is dropped.
#[derive(Default)]
pub struct WriteLane {
    tx: OnceLock<Option<Sender<Queued>>>,
}

impl WriteLane {
    fn sender(&self, engine: &Engine) -> Option<&Sender<Queued>> {
        self.tx
            .get_or_init(|| {
                let (tx, rx) = mpsc::channel::<Queued>();
                let engine = engine.clone();
                let started = std::thread::Builder::new()
                    .name("scimctl-writes".into())
                    .spawn(move || drain(&engine, &rx));
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

    /// Queues `job` (its request body `body_len` bytes) and waits for its
    /// outcome, given after the commit of its batch.
    pub(super) async fn run(
        &self,
        engine: &Engine,
        job: WriteJob<Done>,
        body_len: usize,
    ) -> Result<SessionOutcome<Done>, JobFailed> {
        let (reply, answer) = oneshot::channel();
        let queued = Queued {
            job,
            body_len,
            reply,
        };
        if self
            .sender(engine)
            .is_none_or(|tx| tx.send(queued).is_err())
        {
            return Err(JobFailed("the write lane has stopped".into()));
        }
        answer
            .await
            .map_err(|_| JobFailed("the write failed inside its batch (a panic)".into()))
    }
}

/// The lane's loop: a batch of what has queued, one transaction, answers.
fn drain(engine: &Engine, rx: &Receiver<Queued>) {
    let mut last_len = 1;
    while let Ok(first) = rx.recv() {
        let mut bytes = first.body_len;
        let mut batch = vec![first];
        // While fewer have queued than came together last time, give the
        // request threads one turn to queue the writes they are parsing, so
        // that those share this commit instead of each waiting for one of
        // their own. One: each further turn costs the lane a system call
        // when nothing comes (with four, creates were slower). A lone
        // writer (last batch of one) never waits.
        let mut yielded = false;
        while batch.len() < MAX_BATCH && bytes < MAX_BATCH_BYTES {
            match rx.try_recv() {
                Ok(q) => {
                    bytes += q.body_len;
                    batch.push(q);
                }
                Err(_) if batch.len() < last_len && !yielded => {
                    yielded = true;
                    std::thread::yield_now();
                }
                Err(_) => break,
            }
        }
        last_len = batch.len();
        let (jobs, replies): (Vec<_>, Vec<_>) = batch.into_iter().map(|q| (q.job, q.reply)).unzip();
        // A panic drops the replies: each request then answers 500.
        if let Ok(outcomes) = catch_unwind(AssertUnwindSafe(|| engine.scim_write_batch(jobs))) {
            for (reply, outcome) in replies.into_iter().zip(outcomes) {
                let _ = reply.send(outcome);
            }
        }
    }
}
