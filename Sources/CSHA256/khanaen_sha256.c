// SHA-256 with the x86-64 SHA extensions. The rounds keep the state in the order the
// instructions want (ABEF and CDGH) and run four message words at a time; the portable
// Swift code (KhanaenCore/Hash) is used where these instructions are missing.
#include "khanaen_sha256.h"
#include <string.h>

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t *khanaen_sha256_round_constants(void) { return round_constants; }

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int khanaen_sha256_hw_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) { return 0; }
    int sha = (b >> 29) & 1;
    if (!__get_cpuid(1, &a, &b, &c, &d)) { return 0; }
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    return sha && ssse3 && sse41;
}

#define KHANAEN_SHA __attribute__((target("sha,ssse3,sse4.1")))

static const uint64_t byte_swap_hi = 0x0c0d0e0f08090a0bULL, byte_swap_lo = 0x0405060700010203ULL;

/// The message words of group g (four of them) into w[g & 3], from the four groups before:
/// W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four words at a time.
KHANAEN_SHA static inline void schedule(__m128i w[4], int g) {
    __m128i sum = _mm_add_epi32(_mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]), _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
    w[g & 3] = _mm_sha256msg2_epu32(sum, w[(g + 3) & 3]);
}

/// One block's 64 rounds on the state in the rounds instruction's order, from its four
/// message vectors already in big-endian word order.
KHANAEN_SHA static inline void rounds(__m128i *abef_io, __m128i *cdgh_io, __m128i w0, __m128i w1, __m128i w2, __m128i w3) {
    __m128i abef = *abef_io, cdgh = *cdgh_io;
    const __m128i saved_abef = abef, saved_cdgh = cdgh;
    __m128i w[4] = {w0, w1, w2, w3};
    for (int g = 0; g < 16; g++) {
        if (g >= 4) { schedule(w, g); }
        __m128i k = _mm_add_epi32(w[g & 3], _mm_loadu_si128((const __m128i *)&round_constants[4 * g]));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0E));
    }
    *abef_io = _mm_add_epi32(abef, saved_abef);
    *cdgh_io = _mm_add_epi32(cdgh, saved_cdgh);
}

KHANAEN_SHA static inline __m128i load_swapped(const uint8_t *p) {
    return _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), _mm_set_epi64x((long long)byte_swap_hi, (long long)byte_swap_lo));
}

KHANAEN_SHA static inline void blocks_in_order(__m128i *abef, __m128i *cdgh, const uint8_t *data, size_t blocks) {
    for (size_t n = 0; n < blocks; n++, data += 64) {
        rounds(abef, cdgh, load_swapped(data), load_swapped(data + 16), load_swapped(data + 32), load_swapped(data + 48));
    }
}

/// h0..h3 = ABCD, h4..h7 = EFGH  <->  ABEF and CDGH as the rounds instruction takes them.
KHANAEN_SHA static inline void state_in(const uint32_t state[8], __m128i *abef, __m128i *cdgh) {
    __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(abcd, 0xB1);
    efgh = _mm_shuffle_epi32(efgh, 0x1B);
    *abef = _mm_alignr_epi8(cdab, efgh, 8);
    *cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
}

KHANAEN_SHA static inline void state_out(__m128i abef, __m128i cdgh, uint32_t state[8]) {
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

KHANAEN_SHA void khanaen_sha256_hw_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    __m128i abef, cdgh;
    state_in(state, &abef, &cdgh);
    blocks_in_order(&abef, &cdgh, data, blocks);
    state_out(abef, cdgh, state);
}

/// Ends a message whose last `used` bytes are in `buffer`: the 0x80 byte, zeros and the
/// message's length in bits. Returns the blocks `buffer` then holds.
static size_t end_message(uint8_t *buffer, size_t used, uint64_t length) {
    buffer[used++] = 0x80;
    const size_t padded = (used + 8 + 63) / 64 * 64;
    memset(buffer + used, 0, padded - 8 - used);
    const uint64_t bits = length * 8;
    for (int i = 0; i < 8; i++) { buffer[padded - 1 - i] = (uint8_t)(bits >> (8 * i)); }
    return padded / 64;
}

static const uint32_t initial_state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

// A ledger line is two or three blocks. The state stays in registers from the first block to
// the last, and the first block is read from the prefix and the body where they lie.
KHANAEN_SHA void khanaen_sha256_hw_line(const uint8_t prefix[32], const uint8_t *body, size_t body_length, uint8_t last, uint32_t out[8]) {
    __m128i abef, cdgh;
    state_in(initial_state, &abef, &cdgh);
    size_t taken = 0;
    if (body_length >= 32) {
        rounds(&abef, &cdgh, load_swapped(prefix), load_swapped(prefix + 16), load_swapped(body), load_swapped(body + 16));
        taken = 32;
        size_t whole = (body_length - taken) / 64;
        blocks_in_order(&abef, &cdgh, body + taken, whole);
        taken += whole * 64;
    }
    uint8_t tail[160];
    size_t used = 0;
    if (taken == 0) { memcpy(tail, prefix, 32); used = 32; }
    memcpy(tail + used, body + taken, body_length - taken);
    used += body_length - taken;
    tail[used++] = last;
    blocks_in_order(&abef, &cdgh, tail, end_message(tail, used, 32 + (uint64_t)body_length + 1));
    state_out(abef, cdgh, out);
}

/// Two blocks' rounds at once, one of each of two messages: the rounds of one message wait on
/// each other, so the processor runs the other message's in between.
KHANAEN_SHA static inline void rounds2(__m128i *abef_a, __m128i *cdgh_a, const uint8_t *a, __m128i *abef_b, __m128i *cdgh_b, const uint8_t *b) {
    __m128i abef = *abef_a, cdgh = *cdgh_a, abef2 = *abef_b, cdgh2 = *cdgh_b;
    const __m128i saved_abef = abef, saved_cdgh = cdgh, saved_abef2 = abef2, saved_cdgh2 = cdgh2;
    __m128i w[4] = {load_swapped(a), load_swapped(a + 16), load_swapped(a + 32), load_swapped(a + 48)};
    __m128i v[4] = {load_swapped(b), load_swapped(b + 16), load_swapped(b + 32), load_swapped(b + 48)};
    for (int g = 0; g < 16; g++) {
        if (g >= 4) {
            schedule(w, g);
            schedule(v, g);
        }
        const __m128i rc = _mm_loadu_si128((const __m128i *)&round_constants[4 * g]);
        __m128i k = _mm_add_epi32(w[g & 3], rc), k2 = _mm_add_epi32(v[g & 3], rc);
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k);
        cdgh2 = _mm_sha256rnds2_epu32(cdgh2, abef2, k2);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0E));
        abef2 = _mm_sha256rnds2_epu32(abef2, cdgh2, _mm_shuffle_epi32(k2, 0x0E));
    }
    *abef_a = _mm_add_epi32(abef, saved_abef);
    *cdgh_a = _mm_add_epi32(cdgh, saved_cdgh);
    *abef_b = _mm_add_epi32(abef2, saved_abef2);
    *cdgh_b = _mm_add_epi32(cdgh2, saved_cdgh2);
}

/// prefix ‖ body ‖ last, padded, into `out`; the number of blocks, or 0 when it needs more
/// than `room` bytes.
static size_t pad_line(const uint8_t prefix[32], const uint8_t *body, size_t body_length, uint8_t last, uint8_t *out, size_t room) {
    const size_t length = 32 + body_length + 1;
    if ((length + 1 + 8 + 63) / 64 * 64 > room) { return 0; }
    memcpy(out, prefix, 32);
    memcpy(out + 32, body, body_length);
    out[length - 1] = last;
    return end_message(out, length, length);
}

KHANAEN_SHA void khanaen_sha256_hw_lines2(const uint8_t prefix_a[32], const uint8_t *body_a, size_t length_a,
                                          const uint8_t prefix_b[32], const uint8_t *body_b, size_t length_b,
                                          uint8_t last, uint32_t out_a[8], uint32_t out_b[8]) {
    uint8_t a[320], b[320];
    const size_t blocks_a = pad_line(prefix_a, body_a, length_a, last, a, sizeof a);
    const size_t blocks_b = pad_line(prefix_b, body_b, length_b, last, b, sizeof b);
    if (blocks_a == 0 || blocks_b == 0) {
        khanaen_sha256_hw_line(prefix_a, body_a, length_a, last, out_a);
        khanaen_sha256_hw_line(prefix_b, body_b, length_b, last, out_b);
        return;
    }
    __m128i abef_a, cdgh_a, abef_b, cdgh_b;
    state_in(initial_state, &abef_a, &cdgh_a);
    abef_b = abef_a;
    cdgh_b = cdgh_a;
    const size_t both = blocks_a < blocks_b ? blocks_a : blocks_b;
    for (size_t n = 0; n < both; n++) { rounds2(&abef_a, &cdgh_a, a + 64 * n, &abef_b, &cdgh_b, b + 64 * n); }
    blocks_in_order(&abef_a, &cdgh_a, a + 64 * both, blocks_a - both);
    blocks_in_order(&abef_b, &cdgh_b, b + 64 * both, blocks_b - both);
    state_out(abef_a, cdgh_a, out_a);
    state_out(abef_b, cdgh_b, out_b);
}

#else

int khanaen_sha256_hw_available(void) { return 0; }
void khanaen_sha256_hw_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) { (void)state; (void)data; (void)blocks; }
void khanaen_sha256_hw_line(const uint8_t prefix[32], const uint8_t *body, size_t body_length, uint8_t last, uint32_t out[8]) {
    (void)prefix; (void)body; (void)body_length; (void)last; (void)out;
}
void khanaen_sha256_hw_lines2(const uint8_t prefix_a[32], const uint8_t *body_a, size_t length_a,
                              const uint8_t prefix_b[32], const uint8_t *body_b, size_t length_b,
                              uint8_t last, uint32_t out_a[8], uint32_t out_b[8]) {
    (void)prefix_a; (void)body_a; (void)length_a; (void)prefix_b; (void)body_b; (void)length_b; (void)last; (void)out_a; (void)out_b;
}

#endif
