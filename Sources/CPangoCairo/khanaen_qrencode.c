#include "khanaen_qrencode.h"
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

// Opened on every call: dlopen counts its references, and a test may name a library that is not there.
int khanaen_qrencode_open(const char *library, KhanaenQRencode *table, char *error, size_t capacity) {
    void *h = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        if (error && capacity) snprintf(error, capacity, "%s", dlerror());
        return 0;
    }
    void *encode = dlsym(h, "QRcode_encodeString8bit"), *release = dlsym(h, "QRcode_free");
    if (!encode || !release) {
        if (error && capacity) snprintf(error, capacity, "%s has no QRcode_encodeString8bit or QRcode_free", library);
        dlclose(h);
        return 0;
    }
    memcpy(&table->QRcode_encodeString8bit, &encode, sizeof encode);
    memcpy(&table->QRcode_free, &release, sizeof release);
    return 1;
}
