/**
 * The manager API (@cloudbase/manager-node) of the real CloudBase environment named by ENV_ID, with the CAM
 * key from TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY: for the deploy scripts.
 */
export async function managerFromEnv() {
  const { ENV_ID: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (!envId || !secretId || !secretKey) {
    throw new Error('set ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key with CloudBase rights)')
  }
  // loaded only here: --dry-run and the tests need not load it
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  return new CloudBase({ envId, secretId, secretKey })
}
