#include "khanaen_icu.h"
#include <unicode/ubrk.h>
#include <unicode/ucol.h>

void *khanaen_collator_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UCollator *c = ucol_open(locale, &status);
    if (U_FAILURE(status)) { return 0; }
    return c;
}

int khanaen_collator_compare_utf8(void *collator, const char *a, int32_t alen, const char *b, int32_t blen) {
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r = ucol_strcollUTF8((UCollator *)collator, a, alen, b, blen, &status);
    if (U_FAILURE(status)) { return 0; }
    return (int)r;
}

int32_t khanaen_word_breaks(const uint16_t *text, int32_t len, int32_t *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "th", (const UChar *)text, len, &status);
    if (U_FAILURE(status)) { return -1; }
    int32_t n = 0;
    int32_t pos = ubrk_first(bi);
    while ((pos = ubrk_next(bi)) != UBRK_DONE) {
        if (n < cap) { out[n] = pos; }
        n++;
    }
    ubrk_close(bi);
    return n;
}
