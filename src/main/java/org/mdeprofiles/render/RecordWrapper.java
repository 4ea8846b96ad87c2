package org.mdeprofiles.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/** FreeMarker's default wrapper, with records as {@link RecordModel}s instead of beans. */
final class RecordWrapper extends DefaultObjectWrapper {
  RecordWrapper() {
    super(Configuration.VERSION_2_3_34);
  }

  @Override
  protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
    return object instanceof Record record ? new RecordModel(record, this) : super.handleUnknownType(object);
  }
}
