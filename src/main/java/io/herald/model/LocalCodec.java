package io.herald.model;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes immutable records by reference on the local event bus. Records are never copied or
 * serialised; that is safe because every message type is immutable (byte arrays in
 * {@link Page} and {@link FetchResult.Fetched} are never written after they are sent).
 */
public final class LocalCodec implements MessageCodec<Object, Object> {
    public static final String NAME = "herald-local";
    /** Delivery options that select this codec. */
    public static final DeliveryOptions OPTIONS = new DeliveryOptions().setCodecName(NAME).setLocalOnly(true);

    /** Registers the codec once per Vert.x instance; calling it twice is harmless. */
    public static void register(EventBus bus) {
        try {
            bus.registerCodec(new LocalCodec());
        } catch (IllegalStateException alreadyRegistered) {
            // another verticle of this Vert.x instance registered it first
        }
    }

    /** Delivery options with this codec and a send timeout. */
    public static DeliveryOptions withTimeout(long millis) {
        return new DeliveryOptions(OPTIONS).setSendTimeout(millis);
    }

    @Override
    public void encodeToWire(Buffer buffer, Object o) {
        throw new UnsupportedOperationException("Herald messages are local only");
    }

    @Override
    public Object decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException("Herald messages are local only");
    }

    @Override
    public Object transform(Object o) {
        return o;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
