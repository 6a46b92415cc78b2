// Non-variadic wrappers around libcurl's variadic calls, which Swift cannot import.
//
// curl_easy_setopt and curl_easy_getinfo take a variable argument whose C type depends
// on the option; each wrapper below fixes that type so Swift sees a plain function.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>

/// The callback type of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*ccurl_write_callback)(char *data, size_t size, size_t count, void *user);

/// Sets an option that takes a long (CURLOPT_NOSIGNAL, CURLOPT_TIMEOUT_MS, ...).
static inline CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a C string, which libcurl copies (CURLOPT_URL, ...).
static inline CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a pointer (CURLOPT_WRITEDATA, CURLOPT_ERRORBUFFER, ...).
static inline CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets a write or header callback (CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION).
static inline CURLcode ccurl_setopt_write_callback(CURL *handle, CURLoption option, ccurl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/// Reads a long result (CURLINFO_RESPONSE_CODE, ...).
static inline CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a double result (CURLINFO_TOTAL_TIME, ...), in seconds for the timings.
static inline CURLcode ccurl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a curl_off_t result (CURLINFO_TOTAL_TIME_T, ...), in microseconds for the timings.
static inline CURLcode ccurl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
