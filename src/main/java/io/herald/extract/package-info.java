/**
 * Turns the raw bytes of one fetched HTML page into an {@link io.herald.model.ExtractResult}: the page type,
 * the article (metadata, clean paragraph text, images, related stories) and every link for the frontier.
 *
 * <p>The flow of {@link io.herald.extract.ArticleExtractor}: {@link io.herald.extract.PageDecoder} picks the
 * charset and parses once; {@link io.herald.extract.LinkExtractor} reads all links of the untouched page; the
 * metadata readers ({@link io.herald.extract.JsonLdReader}, {@link io.herald.extract.MetaTags},
 * {@link io.herald.extract.PageHints}) feed {@link io.herald.extract.MetadataResolver}; a
 * {@link io.herald.extract.ContentView} hides boilerplate without mutating the tree, so that images, captions
 * and related blocks stay readable; {@link io.herald.extract.ContentScorer} picks the article container and
 * {@link io.herald.extract.BodyExtractor} reads its paragraphs. Site rules override single fields.
 * Everything here is stateless and safe to share between worker threads.
 */
package io.herald.extract;
