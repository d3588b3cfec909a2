/** Immutable records that cross stages on the event bus, and the addresses they travel on. */
package io.herald.model;
