import { Field } from '../../../../shared/Field';
import type { ApiError } from '../../../../api/client';

export interface Branding {
  color: string;
  logo: string;
  title: string;
}

/** Color, logo and title of the booking widget, with a preview of how the widget's header and button look. */
export function BrandingFields({ value, onChange, error, organizationName }: { value: Branding; onChange: (b: Branding) => void; error: ApiError | null; organizationName: string }) {
  const valid = /^#[0-9a-fA-F]{6}$/.test(value.color);
  return (
    <fieldset>
      <legend>Branding</legend>
      <div className="grid-fields">
        <div className="color-pair">
          <Field label="Brand color" value={value.color} onChange={(e) => onChange({ ...value, color: e.target.value })} error={error?.field('primary_color')} hint="A hex color like #4F46E5." />
          <input type="color" aria-label="Pick the brand color" value={valid ? value.color : '#000000'} onChange={(e) => onChange({ ...value, color: e.target.value })} />
        </div>
        <Field label="Logo URL" type="url" value={value.logo} onChange={(e) => onChange({ ...value, logo: e.target.value })} error={error?.field('logo_url')} hint="An https:// address of an image; empty for none." />
        <Field label="Widget title" value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} error={error?.field('widget_title')} hint="The booking widget's heading." />
      </div>
      <div className="brand-preview">
        <span className="preview-label">Preview</span>
        <div className="brand-preview-head" style={valid ? { borderTopColor: value.color } : undefined}>
          {value.logo ? <img src={value.logo} alt="Logo preview" /> : null}
          <span>{value.title || organizationName}</span>
        </div>
        <span className="swatch" aria-hidden="true" style={valid ? { background: value.color } : undefined} />
        <span>{valid ? `Buttons and highlights in ${value.color}` : 'Not a valid color yet'}</span>
      </div>
    </fieldset>
  );
}
