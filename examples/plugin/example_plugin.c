/*
 * An example certval plugin, in plain C: a hook and a custom check.
 *
 *   hook "example_plugin": REJECTs DNS peers at or under blocked.test (a deny list), answers ERROR for
 *     peers under error.test (to show how a failing backend is reported), DEFERs everything else.
 *   check "leaf_lifetime": the leaf's validity period is at most 398 days (CA/Browser Forum BR
 *     6.3.2), reported as "leaf_lifetime.too_long" on the leaf.
 *
 * Build with Bazel (examples/plugin/BUILD) or by hand:
 *   cc -shared -fPIC -fvisibility=hidden -I<certval> example_plugin.c -o libexample_plugin.so
 * Stateless, so thread-safe as certval requires.
 */
#include <stdio.h>
#include <string.h>

#include "certval/hooks/certval_plugin.h"

#define MAX_LEAF_DAYS 398

/* `name` equals `zone` or ends with "." + zone, ignoring ASCII case. */
static int in_zone(const char* name, const char* zone) {
  size_t n = strlen(name), z = strlen(zone), i;
  if (n > 0 && name[n - 1] == '.') --n; /* one trailing dot is the same name */
  if (n < z) return 0;
  for (i = 0; i < z; ++i) {
    char a = name[n - z + i], b = zone[i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != b) return 0;
  }
  return n == z || name[n - z - 1] == '.';
}

static int decide(void* state, const struct certval_hook_input* input, char* error_buf,
                  size_t error_buf_size) {
  (void)state;
  if (input->peer_kind != CERTVAL_PEER_DNS) return CERTVAL_DEFER;
  if (in_zone(input->peer_name, "blocked.test")) return CERTVAL_REJECT;
  if (in_zone(input->peer_name, "error.test")) {
    snprintf(error_buf, error_buf_size, "deny-list backend unreachable for %s", input->peer_name);
    return CERTVAL_ERROR;
  }
  return CERTVAL_DEFER;
}

static void run(void* state, const struct certval_check_input* input, certval_report_fn report,
                void* report_ctx) {
  long long days;
  char message[128];
  (void)state;
  if (input->path.count == 0) return;
  days = (long long)((input->not_after[0] - input->not_before[0]) / 86400);
  if (days <= MAX_LEAF_DAYS) return;
  snprintf(message, sizeof(message), "the leaf is valid for %lld days; at most %d are allowed", days,
           MAX_LEAF_DAYS);
  report(report_ctx, 0, "too_long", message);
}

/* certval reads this before calling anything: a certval of another version refuses the plugin. */
CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  /* Another layout: `info` may be smaller than ours, so do not write even an error into it. */
  if (!CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size)) return 1;
  info->name = "example_plugin";
  info->decide = decide;
  info->check_name = "leaf_lifetime";
  info->run = run;
  return 0;
}
