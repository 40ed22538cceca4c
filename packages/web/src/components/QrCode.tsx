/*
 * A QR code as an SVG, drawn from the module matrix of `uqr` (a small, maintained encoder; see the
 * README's dependency table). Only the authenticator set-up imports it, so the encoder stays in the
 * set-up's lazily loaded chunk and out of the sign-in screen's first load.
 */
import { encode } from 'uqr';

/** Props of {@link QrCode}. */
export interface QrCodeProps {
  /** What the code holds, e.g. an `otpauth://` URI. */
  value: string;
  /** What the image is, for screen readers. */
  label: string;
  /** Rendered size in CSS pixels. */
  size?: number;
}

/** The QR code of `value`, dark modules on white with the standard 4-module quiet zone. */
export function QrCode({ value, label, size = 200 }: QrCodeProps) {
  // ECC "M" (15% recovery), as authenticator set-up screens commonly use; the border is the quiet zone.
  const { data, size: modules } = encode(value, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
