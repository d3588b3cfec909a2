package io.herald.model;

/** What kind of page the extractor saw. Only {@link #ARTICLE} pages are written to the output. */
public enum PageType { ARTICLE, FRONT, OTHER }
