'use client';
// `partner-roi/react`: <PartnerRoiWidget>, the element as a React component, in the manner of
// @lit/react's createComponent. `program` and `inputs` are set as the element's properties
// in a layout effect, so neither a render nor hydration drops them and the widget never
// shows the built-in example first; each event is a prop (`onPartnerRoiChange` for
// `partner-roi:change`, …); the ref is the element. On the server it renders the bare element.
import { createElement, forwardRef, useCallback, useLayoutEffect, useRef } from 'react';
import { names } from './core.js';
import './define.js';

/** The prop of an event: `partner-roi:change` → `onPartnerRoiChange`. */
const propOf = (event) => `on${event.split(/[-:]/).map((word) => word[0].toUpperCase() + word.slice(1)).join('')}`;
const EVENTS = new Map(Object.values(names.events).map((event) => [propOf(event), event]));
/** Layout effects run only in a browser; on the server there is no element to set. */
const useBrowserLayoutEffect = typeof window === 'undefined' ? () => {} : useLayoutEffect;

export const PartnerRoiWidget = forwardRef(function PartnerRoiWidget({ program, inputs, ...props }, forwarded) {
  const element = useRef(null);
  const attributes = {};
  const handlers = {};
  for (const [name, value] of Object.entries(props)) {
    if (EVENTS.has(name)) handlers[EVENTS.get(name)] = value;
    else attributes[name] = value;
  }
  // The listeners stay; each calls the handler of the latest render.
  const latest = useRef(handlers);
  latest.current = handlers;
  useBrowserLayoutEffect(() => {
    element.current.program = program ?? null;
  }, [program]);
  useBrowserLayoutEffect(() => {
    element.current.inputs = inputs ?? null;
  }, [inputs]);
  useBrowserLayoutEffect(() => {
    const target = element.current;
    const listeners = [...EVENTS.values()].map((event) => [event, (e) => latest.current[event]?.(e)]);
    for (const [event, listener] of listeners) target.addEventListener(event, listener);
    return () => {
      for (const [event, listener] of listeners) target.removeEventListener(event, listener);
    };
  }, []);
  const ref = useCallback((node) => {
    element.current = node;
    if (typeof forwarded === 'function') forwarded(node);
    else if (forwarded) forwarded.current = node;
  }, [forwarded]);
  return createElement(names.tag, { ...attributes, ref });
});
