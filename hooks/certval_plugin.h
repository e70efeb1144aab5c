/*
 * certval_plugin.h: the C ABI between certval and a validation plugin (a shared object).
 *
 * A plugin is a shared library that exports two symbols:
 *
 *     const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;
 *     int certval_plugin_init(uint32_t host_abi_version, struct certval_plugin_info* info,
 *                             size_t info_size);
 *
 * After dlopen(), certval reads `certval_plugin_abi_version` first and refuses a plugin built for
 * another version (or one without the symbol: ABI version 1) without running any of its code. Only
 * then does it zero-fill `info` and call init once, passing its own version and sizeof(*info); init
 * writes into `info` only when CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size) (a second
 * guard, for a host that would skip the first). The plugin fills in its name and at least one of:
 *   - `decide`: a hook that answers ACCEPT, REJECT or DEFER for a peer and chain (or ERROR);
 *   - `run` with `check_name`: a check that reports findings on a built path.
 * It returns 0 on success; anything else refuses the load (set `error` to say why).
 *
 * Rules for plugin authors:
 *   - Only C types cross this boundary. Every pointer certval passes is valid only during the call:
 *     copy what you keep. Strings you hand back (name, check_name, error) must stay valid until
 *     `destroy` is called (string literals are the simple choice); strings passed to `report` are
 *     copied by certval at once.
 *   - `decide` and `run` are called from many threads at once: they must be thread-safe.
 *   - Do not call exit(), install signal handlers, or change process-wide state (environment,
 *     locale, OpenSSL globals). A plugin that crashes takes the whole process down with it; certval
 *     cannot recover from that in-process (see ProbePlugin in hooks/plugin_loader.h).
 *   - The ABI version changes whenever anything below changes layout or meaning; certval refuses a
 *     plugin built for another version instead of guessing. The name and type of
 *     `certval_plugin_abi_version` never change, so any certval can read any plugin's version.
 *
 * Version history: 1, the version was a field init filled in (so init ran before it was checked);
 * 2, the exported version symbol, and init's host version and struct size arguments.
 */
#ifndef CERTVAL_HOOKS_CERTVAL_PLUGIN_H_
#define CERTVAL_HOOKS_CERTVAL_PLUGIN_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CERTVAL_PLUGIN_ABI_VERSION 2

/* The symbols certval looks up: the version (read before anything else), then init. */
#define CERTVAL_PLUGIN_ABI_SYMBOL "certval_plugin_abi_version"
#define CERTVAL_PLUGIN_INIT_SYMBOL "certval_plugin_init"

/* What `decide` returns. */
#define CERTVAL_ACCEPT 0 /* the chain is valid; no path is built (pre) / overrides (post) */
#define CERTVAL_REJECT 1 /* the chain is invalid */
#define CERTVAL_DEFER 2  /* "I don't know": the next hook, or the built-in validation, decides */
#define CERTVAL_ERROR 3  /* the hook failed: a rejection under Mode ENFORCE, a warning under WARN \
                          */

/* certval_hook_input.peer_kind */
#define CERTVAL_PEER_NONE 0
#define CERTVAL_PEER_DNS 1
#define CERTVAL_PEER_IP 2
#define CERTVAL_PEER_EMAIL 3
#define CERTVAL_PEER_ANY 4 /* the application accepts any name (no name check) */

/* purpose fields */
#define CERTVAL_PURPOSE_SERVER_AUTH 0
#define CERTVAL_PURPOSE_CLIENT_AUTH 1
#define CERTVAL_PURPOSE_ANY 2

/* A list of DER certificates: der[i] points at len[i] bytes. */
struct certval_cert_list {
  const uint8_t* const* der;
  const size_t* len;
  size_t count;
};

struct certval_hook_input {
  const char* peer_name;          /* NUL-terminated; "" when the request names no peer */
  int peer_kind;                  /* CERTVAL_PEER_* */
  int purpose;                    /* CERTVAL_PURPOSE_* */
  int64_t time_unix;              /* validation time, seconds since 1970 UTC */
  struct certval_cert_list chain; /* as presented: leaf first, then the intermediates */
  int is_post;                    /* 0: before path building; 1: after it */
  int builtin_valid;              /* post only: 1 if the built-in validation accepted, else 0 */
  struct certval_cert_list path;  /* post only, and only when builtin_valid: the validated path
                                     (leaf ... anchor). Empty otherwise. Judge certificates here,
                                     never in `chain`, which anyone can append to. */
};

/* Where a check reports a failure: `cert_index` 0 = leaf, -1 = the path as a whole; `code` a short
 * stable identifier (certval prefixes it with the check name); `message` for people. */
typedef void (*certval_report_fn)(void* report_ctx, int cert_index, const char* code,
                                  const char* message);

struct certval_check_input {
  const char* peer_name; /* as in certval_hook_input */
  int peer_kind;
  int purpose;
  int64_t time_unix;
  struct certval_cert_list path; /* leaf first; the last one is the anchor when anchor_trusted */
  int anchor_trusted;            /* 1 if path ends at a trust anchor */
  /* Validity of each path certificate, seconds since 1970 UTC (parsed by certval, so that a check
   * need not carry an ASN.1 parser for the most common question). path.count entries each. */
  const int64_t* not_before;
  const int64_t* not_after;
};

/* Filled in by init; certval zero-fills it first. */
struct certval_plugin_info {
  const char* name;  /* shown in results ("decided_by_hook") and errors; required */
  void* state;       /* passed back to every call below */
  const char* error; /* on a non-zero return from init: why */

  /* The hook, or NULL. Returns CERTVAL_ACCEPT/REJECT/DEFER, or CERTVAL_ERROR with a message written
   * into error_buf (at most error_buf_size bytes, NUL included). */
  int (*decide)(void* state, const struct certval_hook_input* input, char* error_buf,
                size_t error_buf_size);

  /* The check, or NULL. `check_name` is its Policy key and finding prefix (e.g. "leaf_lifetime");
   * it must not be the name of a built-in check. */
  const char* check_name;
  void (*run)(void* state, const struct certval_check_input* input, certval_report_fn report,
              void* report_ctx);

  /* Called once before the library is unloaded, or NULL. Not called when init returned non-zero
   * (clean up before returning); init is not even called when the ABI versions differ. */
  void (*destroy)(void* state);
};

/* Marks the definition of certval_plugin_init, so a plugin may build with -fvisibility=hidden and
 * export nothing else. */
#if defined(__GNUC__)
#define CERTVAL_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define CERTVAL_PLUGIN_EXPORT
#endif

/* What a plugin exports: its version, defined as
 *     CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;
 * and init. */
CERTVAL_PLUGIN_EXPORT extern const uint32_t certval_plugin_abi_version;

typedef int (*certval_plugin_init_fn)(uint32_t host_abi_version, struct certval_plugin_info* info,
                                      size_t info_size);
CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size);

/* True when init may write into `info`: the host speaks this header's version and its struct is
 * this header's size. Otherwise return non-zero without touching `info`. */
#define CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size) \
  ((host_abi_version) == CERTVAL_PLUGIN_ABI_VERSION &&           \
   (info_size) == sizeof(struct certval_plugin_info))

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CERTVAL_HOOKS_CERTVAL_PLUGIN_H_ */
