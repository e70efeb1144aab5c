/* A check plugin whose check name is set at build time (CHECK_NAME, see BUILD), to try the
 * loader's rules on names: empty, not a plain identifier, or one certval already uses. */
#include "certval/hooks/certval_plugin.h"

#define STR(x) #x
#define XSTR(x) STR(x)

static void run(void* state, const struct certval_check_input* input, certval_report_fn report,
                void* report_ctx) {
  (void)state;
  (void)input;
  report(report_ctx, 0, "always", "reported by the named_check test plugin");
}

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  if (!CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size)) return 1;
  info->name = "named_check";
  info->check_name = XSTR(CHECK_NAME);
  info->run = run;
  return 0;
}
