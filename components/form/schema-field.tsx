'use client';

import { FieldRow } from './field-row';
import type { FieldSpec } from './field-spec';
import { useFormEnv } from './form-env';
import { OidcProvidersField } from './oidc/oidc-providers-field';
import { OtherKeysField } from './other/other-keys-field';
import { StorageField } from './storage/storage-field';
import { widgetFor } from './widget-for';
import { ContactsWidget } from './widgets/contacts-widget';
import { DbUriWidget } from './widgets/db-uri-widget';
import { EndpointKindWidget } from './widgets/endpoint-kind-widget';
import { FileWidget } from './widgets/file-widget';
import { JsonWidget } from './widgets/json-widget';
import { NumberWidget } from './widgets/number-widget';
import { ObjectWidget } from './widgets/object-widget';
import { SecretKeyWidget } from './widgets/secret-key-widget';
import { SecretWidget } from './widgets/secret-widget';
import { SelectWidget } from './widgets/select-widget';
import { StringListWidget } from './widgets/string-list-widget';
import { SwitchWidget } from './widgets/switch-widget';
import { TextWidget } from './widgets/text-widget';
import { TlsModeWidget } from './widgets/tls-mode-widget';

/**
 * Renders one field: picks its widget with `widgetFor` and wraps it in the `FieldRow` template.
 * The switch is exhaustive over `WidgetKind`: a kind without a case does not compile.
 */
export function SchemaField({ spec: given }: { spec: FieldSpec }) {
  const env = useFormEnv();
  // A key that follows another (USER_EVENTS_REDIS with "same Redis") is bound to that key's values.
  const mirror = given.path === given.key && given.name === undefined ? env.mirrorOf(given.key) : undefined;
  const spec = mirror ? { ...given, name: mirror } : given;
  const kind = widgetFor(spec);
  switch (kind) {
    case 'text':
      return <FieldRow spec={spec}>{(a) => <TextWidget spec={spec} a11y={a} />}</FieldRow>;
    case 'textarea':
      return (
        <FieldRow spec={spec} wide>
          {(a) => <TextWidget spec={spec} a11y={a} multiline />}
        </FieldRow>
      );
    case 'password':
      return <FieldRow spec={spec}>{(a) => <SecretWidget spec={spec} a11y={a} />}</FieldRow>;
    case 'number':
      return <FieldRow spec={spec}>{(a) => <NumberWidget spec={spec} a11y={a} />}</FieldRow>;
    case 'switch':
      return (
        <FieldRow spec={spec} label={false} inline>
          {(a) => <SwitchWidget spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'select':
      return <FieldRow spec={spec}>{(a) => <SelectWidget spec={spec} a11y={a} />}</FieldRow>;
    case 'string-list':
      return <FieldRow spec={spec}>{(a) => <StringListWidget spec={spec} a11y={a} />}</FieldRow>;
    case 'contacts':
      return (
        <FieldRow spec={spec} wide>
          {(a) => <ContactsWidget spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'object':
      return (
        <FieldRow spec={spec} label={false} wide>
          {(a) => <ObjectWidget spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'endpoint-kind':
      return (
        <FieldRow spec={spec} label={false} wide>
          {(a) => <EndpointKindWidget spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'json':
      return (
        <FieldRow spec={spec} wide>
          {(a) => <JsonWidget spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'file':
      return <FieldRow spec={spec}>{(a) => <FileWidget spec={spec} a11y={a} />}</FieldRow>;
    case 'db-uri':
      return (
        <FieldRow spec={spec} label={false} wide>
          {(a) => <DbUriWidget spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'tls-mode':
      return (
        <FieldRow spec={spec} wide>
          {(a) => <TlsModeWidget spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'secret-key':
      return <FieldRow spec={spec}>{(a) => <SecretKeyWidget spec={spec} a11y={a} />}</FieldRow>;
    case 'storage':
      return (
        <FieldRow spec={spec} label={false} wide>
          {(a) => <StorageField spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'oidc-providers':
      return (
        <FieldRow spec={spec} label={false} wide>
          {(a) => <OidcProvidersField spec={spec} a11y={a} />}
        </FieldRow>
      );
    case 'other-keys':
      return (
        <FieldRow spec={spec} label={false} wide>
          {(a) => <OtherKeysField spec={spec} a11y={a} />}
        </FieldRow>
      );
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
