/*
 * A plugin check for //tests:error_codes_test that reports without a code and with an index outside
 * the path, so that certval's fallbacks for both ("<check>.failed", index -1) can be observed.
 */
#include "certval/hooks/certval_plugin.h"

static void run(void* state, const struct certval_check_input* input, certval_report_fn report,
                void* report_ctx) {
  (void)state;
  (void)input;
  report(report_ctx, 99, "", "the error_codes_plugin check always reports, without a code");
}

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  if (!CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size)) return 1;
  info->name = "error_codes_plugin";
  info->check_name = "error_codes_plugin";
  info->run = run;
  return 0;
}
