/* A post-hook plugin that accepts whenever certval hands it a path: a stand-in for any plugin that
 * judges the certificates of `path` (pins, a site's own CA list) and would vouch for a chain the
 * built-in checks refused if that path were anything but the validated one. */
#include "certval/hooks/certval_plugin.h"

static int decide(void* state, const struct certval_hook_input* input, char* error_buf,
                  size_t error_buf_size) {
  (void)state;
  (void)error_buf;
  (void)error_buf_size;
  return input->path.count > 0 ? CERTVAL_ACCEPT : CERTVAL_DEFER;
}

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  if (!CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size)) return 1;
  info->name = "path_trusting";
  info->decide = decide;
  return 0;
}
