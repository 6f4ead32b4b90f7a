package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzip form of {@code /metrics} (RFC 1952), one member whose deflate blocks for the collected part are kept until
 * that part changes. The kept blocks end with a sync flush, on a byte boundary, so the live part's blocks, deflated
 * at each scrape by a deflater of their own, follow them in the same stream; the trailer's CRC-32 and length cover
 * both. A scrape then compresses a few KiB, not the whole exposition. Thread-safe.
 */
final class ExpositionGzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** The deflate blocks of one collected part, kept with the array they were made from. */
    private record Deflated(byte[] source, byte[] blocks) {}

    /** The last answer, kept with the two parts it was made from: both stay the same arrays until one changes. */
    private record Gzipped(byte[] collected, byte[] live, byte[] member) {}

    private volatile Deflated collected = new Deflated(null, new byte[0]);
    private volatile Gzipped last = new Gzipped(null, null, null);

    /** {@code body} gzipped; the answer before it again while neither part changed. */
    byte[] gzip(ExpositionBody body) {
        Gzipped previous = last;
        if (previous.collected() == body.collected() && previous.live() == body.live()) {
            return previous.member();
        }
        Deflated head = collected;
        if (head.source() != body.collected()) {
            head = new Deflated(body.collected(), deflate(body.collected(), false));
            collected = head;
        }
        byte[] tail = deflate(body.live(), true);
        CRC32 crc = new CRC32();
        crc.update(body.collected());
        crc.update(body.live());
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER.length + head.blocks().length + tail.length + 8);
        out.writeBytes(HEADER);
        out.writeBytes(head.blocks());
        out.writeBytes(tail);
        writeLittleEndian(out, (int) crc.getValue());
        writeLittleEndian(out, body.length()); // ISIZE: the length modulo 2^32
        byte[] member = out.toByteArray();
        last = new Gzipped(body.collected(), body.live(), member);
        return member;
    }

    /**
     * Raw deflate blocks of {@code input}: the stream's final blocks when {@code last}, otherwise blocks that are not
     * final and end on a byte boundary (a sync flush), so that others may follow them.
     */
    private static byte[] deflate(byte[] input, boolean last) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 4));
            byte[] buffer = new byte[8192];
            if (!last) {
                int written;
                do {
                    written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, written);
                } while (written == buffer.length);
            } else {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write(value >>> shift);
        }
    }
}
