import qrcode from "qrcode-generator";
import { useMemo } from "react";

/** White modules the standard asks for around the code: readers find it by this quiet zone. */
const QUIET_ZONE = 4;

/**
 * The QR code of `text` as an SVG path: one 1×1 square per dark module, in module units.
 * Error correction M (15 %), the size chosen by the library for the text's length.
 */
function qrCodePath(text: string): { size: number; path: string } {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const size = qr.getModuleCount();
  let path = "";
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (qr.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { size, path };
}

/**
 * The otpauth:// URI as a QR code to scan with an authenticator app. Drawn as React SVG
 * elements (no data: URL, no inline script or style element: the CSP stays as it is), black
 * on white whatever the colour scheme, since readers need that contrast. Loaded lazily: the
 * library is fetched only when an enrolment shows a key. The key in text stays beside it.
 */
export default function TotpQrCode({ uri, label }: { uri: string; label: string }) {
  const { size, path } = useMemo(() => qrCodePath(uri), [uri]);
  const side = size + 2 * QUIET_ZONE;
  return (
    <svg
      className="totp-qr"
      role="img"
      aria-label={label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
