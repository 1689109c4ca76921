import type { ButtonHTMLAttributes } from 'react';

/** Visual weight of a button: one primary action per view, the rest secondary. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** A native button's props plus variant and size. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md' | 'lg';
  /** Square button holding only an icon; give it an `aria-label`. */
  iconOnly?: boolean;
}

/** A native `<button>` (type="button" unless told otherwise) with the product's styles. */
export function Button({ variant = 'secondary', size = 'md', iconOnly, className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn'];
  if (variant !== 'secondary') classes.push(`btn--${variant}`);
  if (size !== 'md') classes.push(`btn--${size}`);
  if (iconOnly) classes.push('btn--icon');
  if (className) classes.push(className);
  return <button type={type} className={classes.join(' ')} {...rest} />;
}
