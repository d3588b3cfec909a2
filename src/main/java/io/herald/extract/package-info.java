/**
 * Turns the raw bytes of one fetched HTML page into an {@link io.herald.model.ExtractResult}: the page type,
 * the article (metadata, clean paragraph text, images, related stories) and every link for the frontier.
 *
 * <p>The flow of {@link io.herald.extract.ArticleExtractor}: {@link io.herald.extract.PageDecoder} picks the
 * charset and parses once; {@link io.herald.extract.LinkExtractor} reads all links of the untouched page; the
 * metadata readers ({@link io.herald.extract.JsonLdReader}, {@link io.herald.extract.MetaTags},
 * {@link io.herald.extract.VisibleMetadata}) feed {@link io.herald.extract.MetadataResolver}; a
 * {@link io.herald.extract.ContentView} hides boilerplate without mutating the tree, so that images, captions
 * and related blocks stay readable; {@link io.herald.extract.ContentScorer} picks the article container and
 * {@link io.herald.extract.BodyExtractor} reads its paragraphs, which {@link io.herald.extract.ParagraphTrimmer}
 * rids of a repeated headline, byline and date lines; {@link io.herald.extract.WallDetector} flags paywalls
 * and consent walls; {@link io.herald.extract.PageClassifier} decides the page type. Site rules override
 * single fields. {@link io.herald.extract.ExtractVerticle} serves the event bus and counts per-site field
 * completeness ({@link io.herald.extract.ExtractMetrics}). See {@code docs/extraction.md}.
 * Everything here is stateless and safe to share between worker threads.
 */
package io.herald.extract;
