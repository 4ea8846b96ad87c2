package org.mdeprofiles.pack;

import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.render.RenderException;

/**
 * An MDM a bundle is made for: the form in which it takes the catalog's profiles, and the files
 * (with what it found while packaging) its folder gets from checked profile files. Adding a
 * target is one implementation, listed in {@link #ALL}, plus its golden files.
 */
public interface MdmTarget {
  /** Every target, in the order their folders are written. */
  List<MdmTarget> ALL = List.of(new JamfTarget(), new IntuneTarget(), new PlainTarget());

  /** The target's name: its folder and its value of {@code --mdm}. */
  String name();

  /** The catalog's profiles in the form this MDM takes them; by default as they are. */
  default List<Profile> form(GenerateSettings settings, List<Profile> profiles) {
    return profiles;
  }

  /** The files of this target's folder for {@code profiles}, already rendered and checked. */
  TargetOutput files(List<ProfileFile> profiles, BundleRequest request) throws RenderException;
}
