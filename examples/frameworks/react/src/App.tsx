import { useEffect, useRef, useState } from 'react';
import type { PartnerRoiElement, PartnerRoiErrorDetail, PartnerRoiResult } from 'partner-roi';
import type {} from 'partner-roi/react';
import { program } from './program';

/** The widget with object properties, its change event and its `ready` promise. */
function Calculator({ onResult }: { onResult: (result: PartnerRoiResult) => void }) {
  const widget = useRef<PartnerRoiElement>(null);
  useEffect(() => {
    const element = widget.current;
    if (!element) return;
    const onChange = (event: CustomEvent<{ result: PartnerRoiResult }>) => onResult(event.detail.result);
    element.addEventListener('partner-roi:change', onChange);
    let live = true;
    element.ready.then((first) => live && onResult(first.result));
    return () => {
      live = false;
      element.removeEventListener('partner-roi:change', onChange);
    };
  }, [onResult]);
  return <partner-roi ref={widget} id="calculator" loading="eager" program={program} inputs={{ existing_clients: 120, deal_value: '15000' }} />;
}

export function App() {
  const [shown, setShown] = useState(true);
  const [result, setResult] = useState<PartnerRoiResult | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  // The events bubble out of the element: the document hears them, typed.
  useEffect(() => {
    const onError = (event: CustomEvent<PartnerRoiErrorDetail>) => setProblems((now) => [...now, event.detail.path]);
    document.addEventListener('partner-roi:error', onError);
    return () => document.removeEventListener('partner-roi:error', onError);
  }, []);
  return (
    <main>
      <h1>Partner ROI in React</h1>
      <button type="button" onClick={() => setShown((now) => !now)}>{shown ? 'Unmount' : 'Mount'}</button>
      {problems.length > 0 && <p id="problems">Problems: {problems.join(', ')}</p>}
      <p id="recommended">{result ? `Recommended: ${result.recommended_tier}` : 'Waiting for the first results'}</p>
      {shown && <Calculator onResult={setResult} />}
    </main>
  );
}
