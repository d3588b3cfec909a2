/**
 * The output: each article as one whole JSON line ({@code herald.article/1}), written once per crawl to
 * size-rotated {@code articles-NNNN.jsonl} files that are never torn except, after a crash, at the very
 * tail, which the next run cuts off. {@link io.herald.sink.ArticleJson} is the schema in code,
 * {@link io.herald.sink.JsonLinesWriter} owns the files, {@link io.herald.sink.ArticleDeduper} the
 * once-per-crawl rule, {@code OutputSession} one run's use of the folder (the restart-recovery order, syncs
 * with their keys, faults that stick), {@code SinkWorker} runs it on an ordered worker, {@code ArticleIntake}
 * decides on the event loop (duplicate or write, sync only after writes), and
 * {@link io.herald.sink.SinkVerticle} puts them on the event bus. With {@code output.warc}, {@code WarcOutput} also
 * writes each fetch's request and response as WARC records ({@code WarcRecords}, per-record gzip), on the same worker
 * and before the article line that names them, and {@code WarcTail} finds a torn tail to cut after a crash.
 * In a cluster, {@link io.herald.sink.ArticleClaims} keep an article out of a second node's output, and
 * {@link io.herald.sink.OutputKeys} reads a dead node's folder to settle what it left unconfirmed.
 */
package io.herald.sink;
