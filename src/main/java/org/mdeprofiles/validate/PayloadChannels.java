package org.mdeprofiles.validate;

/** Which payload types install on the device channel only, as their spec files say. */
public final class PayloadChannels {
  private PayloadChannels() {}

  public static boolean deviceChannelOnly(String payloadType) {
    return SpecRegistry.instance().find(payloadType).map(PayloadSpec::deviceChannelOnly).orElse(false);
  }
}
