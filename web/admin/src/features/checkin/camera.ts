/** Whether this browser can offer the camera at all (a secure context with a camera API). */
export function cameraSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function' && window.isSecureContext;
}
