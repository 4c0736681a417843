import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';

/**
 * The device's back camera, read a few times a second for a QR code until one is found (then `onCode`, once per
 * distinct code). The camera stops when the component goes away.
 */
export default function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const handler = useRef(onCode);
  useEffect(() => {
    handler.current = onCode;
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let last = '';
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        if (stopped) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        stream = s;
        const v = video.current!;
        v.srcObject = s;
        await v.play();
        // Reading every frame would keep a phone's CPU busy; five times a second finds a code as fast as a hand holds it.
        timer = setInterval(() => {
          if (!context || v.videoWidth === 0) return;
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          context.drawImage(v, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (found?.data && found.data !== last) {
            last = found.data;
            handler.current(found.data);
          }
        }, 200);
      })
      .catch((err: unknown) => {
        const denied = err instanceof DOMException && (err.name === 'NotAllowedError' || err.name === 'SecurityError');
        setProblem(denied ? 'The camera is not allowed for this page. Allow it in the browser, or type the code.' : 'No camera could be opened. Type the code instead.');
      });

    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <div className="scanner">
      {problem ? (
        <p className="notice error" role="alert">
          {problem}
        </p>
      ) : (
        <video ref={video} muted playsInline aria-label="Camera view: hold the booking’s QR code in front of it" />
      )}
    </div>
  );
}
