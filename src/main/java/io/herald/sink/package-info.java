/**
 * The output: each article as one whole JSON line ({@code herald.article/1}), written once per crawl to
 * size-rotated {@code articles-NNNN.jsonl} files that are never torn except, after a crash, at the very
 * tail, which the next run cuts off. {@link io.herald.sink.ArticleJson} is the schema in code,
 * {@link io.herald.sink.JsonLinesWriter} owns the files, {@link io.herald.sink.ArticleDeduper} the
 * once-per-crawl rule, and {@link io.herald.sink.SinkVerticle} puts them on the event bus.
 */
package io.herald.sink;
