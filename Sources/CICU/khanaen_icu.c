#include "khanaen_icu.h"
#include <dlfcn.h>
#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/ucol.h>
#include <unicode/uvernum.h>

// ICU is opened on first use rather than linked: its libraries take a couple of milliseconds
// of relocation at every start, and most starts (the chair's console, reports, scores from
// a script) never compare or break Thai text. The names, with their version suffix
// (ucol_open_72), come from the headers the program was built with.
#define KH_STRING(x) #x
#define KH_NAME(x) KH_STRING(x)

static struct {
    UCollator *(*collator_open)(const char *, UErrorCode *);
    UCollationResult (*strcoll_utf8)(const UCollator *, const char *, int32_t, const char *, int32_t, UErrorCode *);
    UBreakIterator *(*break_open)(UBreakIteratorType, const char *, const UChar *, int32_t, UErrorCode *);
    int32_t (*break_first)(UBreakIterator *);
    int32_t (*break_next)(UBreakIterator *);
    void (*break_close)(UBreakIterator *);
    int loaded;
} icu;

static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

static void icu_load(void) {
    void *i18n = dlopen("libicui18n.so." KH_NAME(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    void *common = dlopen("libicuuc.so." KH_NAME(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    if (!i18n || !common) { return; }
    *(void **)&icu.collator_open = dlsym(i18n, KH_NAME(ucol_open));
    *(void **)&icu.strcoll_utf8 = dlsym(i18n, KH_NAME(ucol_strcollUTF8));
    *(void **)&icu.break_open = dlsym(common, KH_NAME(ubrk_open));
    *(void **)&icu.break_first = dlsym(common, KH_NAME(ubrk_first));
    *(void **)&icu.break_next = dlsym(common, KH_NAME(ubrk_next));
    *(void **)&icu.break_close = dlsym(common, KH_NAME(ubrk_close));
    icu.loaded = icu.collator_open && icu.strcoll_utf8 && icu.break_open && icu.break_first && icu.break_next
        && icu.break_close;
}

static int icu_ready(void) {
    pthread_once(&icu_once, icu_load);
    return icu.loaded;
}

int khanaen_icu_available(void) { return icu_ready(); }

void *khanaen_collator_open(const char *locale) {
    if (!icu_ready()) { return 0; }
    UErrorCode status = U_ZERO_ERROR;
    UCollator *c = icu.collator_open(locale, &status);
    if (U_FAILURE(status)) { return 0; }
    return c;
}

int khanaen_collator_compare_utf8(void *collator, const char *a, int32_t alen, const char *b, int32_t blen) {
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r = icu.strcoll_utf8((UCollator *)collator, a, alen, b, blen, &status);
    if (U_FAILURE(status)) { return 0; }
    return (int)r;
}

int32_t khanaen_word_breaks(const uint16_t *text, int32_t len, int32_t *out, int32_t cap) {
    if (!icu_ready()) { return -1; }
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = icu.break_open(UBRK_WORD, "th", (const UChar *)text, len, &status);
    if (U_FAILURE(status)) { return -1; }
    int32_t n = 0;
    int32_t pos = icu.break_first(bi);
    while ((pos = icu.break_next(bi)) != UBRK_DONE) {
        if (n < cap) { out[n] = pos; }
        n++;
    }
    icu.break_close(bi);
    return n;
}
