/* A plugin whose check borrows a built-in check's name: its findings would pass for certval's own. */
#include "certval/hooks/certval_plugin.h"

static void run(void* state, const struct certval_check_input* input, certval_report_fn report,
                void* report_ctx) {
  (void)state;
  (void)input;
  report(report_ctx, 0, "expired", "not really");
}

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  if (!CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size)) return 1;
  info->name = "impostor";
  info->check_name = "validity";
  info->run = run;
  return 0;
}
