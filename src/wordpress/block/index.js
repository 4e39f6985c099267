// The Partner ROI block in the editor: the sidebar chooses the program (a Media Library
// file, a URL or a pasted program) and the widget's attributes; the canvas shows the real
// <partner-roi> element (assets/partner-roi.js, a dependency in index.asset.php). Plain JS
// on the wp.* globals, no build step. The page itself is rendered by includes/block.php.
( function ( wp ) {
	'use strict';

	const { registerBlockType } = wp.blocks;
	const { createElement: el, Fragment, useEffect, useRef } = wp.element;
	const { InspectorControls, MediaUpload, MediaUploadCheck, useBlockProps } = wp.blockEditor;
	const { Button, Notice, PanelBody, SelectControl, Spinner, TextControl, TextareaControl } = wp.components;
	const { useSelect } = wp.data;
	const { __ } = wp.i18n;

	const JSON_MIME = 'application/json';
	const option = ( value, label ) => ( { value, label } );
	const LANGUAGES = [
		option( '', __( 'The page’s language', 'partner-roi' ) ),
		option( 'en', 'English' ),
		option( 'de', 'Deutsch' ),
		option( 'fr', 'Français' ),
		option( 'es', 'Español' ),
		option( 'pt-BR', 'Português (Brasil)' ),
		option( 'ja', '日本語' ),
		option( 'ar', 'العربية' ),
	];
	const THEMES = [
		option( '', __( 'Automatic', 'partner-roi' ) ),
		option( 'light', __( 'Light', 'partner-roi' ) ),
		option( 'dark', __( 'Dark', 'partner-roi' ) ),
	];
	const LOADING = [
		option( '', __( 'When it nears the screen (lazy)', 'partner-roi' ) ),
		option( 'eager', __( 'At once (eager)', 'partner-roi' ) ),
	];
	const ANALYTICS = [
		option( '', __( 'None', 'partner-roi' ) ),
		option( 'datalayer', 'Google Tag Manager (dataLayer)' ),
		option( 'gtag', 'Google Analytics 4 (gtag)' ),
	];

	/** The JSON object in `text`: `{ value }`, `{ error }`, or `{}` for no text. */
	function parseObject( text ) {
		if ( ! text.trim() ) return {};
		try {
			const value = JSON.parse( text );
			if ( value && typeof value === 'object' && ! Array.isArray( value ) ) return { value };
			return { error: __( 'This is JSON, but not an object.', 'partner-roi' ) };
		} catch ( error ) {
			return { error: error.message };
		}
	}

	/** The page's language, as the front end's <html lang> says it (includes/block.php). */
	const siteLanguage = () => ( window.partnerRoiEditor && window.partnerRoiEditor.siteLanguage ) || undefined;

	/**
	 * The widget as the page will show it, from the program's URL or pasted object; always
	 * eager, with nothing saved and the configuration's problems listed (`debug`).
	 */
	function Preview( { attributes, programUrl, program, inputs } ) {
		const ref = useRef( null );
		useEffect( () => {
			if ( ref.current ) ref.current.program = program || null;
		}, [ program ] );
		const example = ! program && programUrl === 'example';
		const fetched = ! program && ! example && programUrl ? programUrl : undefined;
		return el( 'partner-roi', {
			// A new element for another kind of program, as the page would have.
			key: program ? 'pasted' : programUrl || 'none',
			ref,
			'program-src': fetched,
			program: example ? 'example' : undefined,
			lang: attributes.lang || siteLanguage(),
			theme: attributes.theme || undefined,
			tools: attributes.tools || undefined,
			inputs: inputs ? JSON.stringify( inputs ) : undefined,
			loading: 'eager',
			persist: 'off',
			debug: '',
		} );
	}

	/** The program: a Media Library file, a URL, or a pasted program (which wins). */
	function ProgramPanel( { attributes, setAttributes, media, pasted } ) {
		const { programId, program, programJson } = attributes;
		const chooseFile = el( MediaUploadCheck, null, el( MediaUpload, {
			allowedTypes: [ JSON_MIME ],
			value: programId || undefined,
			onSelect: ( file ) => setAttributes( { programId: file.id, program: '' } ),
			render: ( { open } ) => el( Button, { variant: 'secondary', onClick: open },
				programId ? __( 'Replace program file', 'partner-roi' ) : __( 'Choose a program file', 'partner-roi' ) ),
		} ) );
		return el( PanelBody, { title: __( 'Program', 'partner-roi' ) },
			programId
				? el( 'p', { className: 'partner-roi-program-file' },
					__( 'File:', 'partner-roi' ), ' ', media ? media.title.rendered || media.source_url : '#' + programId )
				: null,
			chooseFile,
			programId
				? el( Button, { variant: 'link', isDestructive: true, onClick: () => setAttributes( { programId: 0 } ) },
					__( 'Remove the file', 'partner-roi' ) )
				: el( TextControl, {
					label: __( 'Or the program file’s URL', 'partner-roi' ),
					help: __( 'An https: address, or “example” for the built-in example program.', 'partner-roi' ),
					type: 'url',
					value: program,
					onChange: ( value ) => setAttributes( { program: value } ),
				} ),
			el( TextareaControl, {
				label: __( 'Or paste a program (JSON)', 'partner-roi' ),
				help: __( 'A pasted program is shown instead of the file or URL.', 'partner-roi' ),
				value: programJson,
				rows: 4,
				onChange: ( value ) => setAttributes( { programJson: value } ),
			} ),
			pasted.error ? el( Notice, { status: 'error', isDismissible: false }, pasted.error ) : null,
		);
	}

	/** The widget's attributes. */
	function SettingsPanel( { attributes, setAttributes, inputs } ) {
		const set = ( name ) => ( value ) => setAttributes( { [ name ]: value } );
		return el( PanelBody, { title: __( 'Settings', 'partner-roi' ) },
			el( SelectControl, { label: __( 'Language', 'partner-roi' ), value: attributes.lang, options: LANGUAGES, onChange: set( 'lang' ) } ),
			el( SelectControl, { label: __( 'Colour scheme', 'partner-roi' ), value: attributes.theme, options: THEMES, onChange: set( 'theme' ) } ),
			el( SelectControl, { label: __( 'Start', 'partner-roi' ), value: attributes.loading, options: LOADING, onChange: set( 'loading' ) } ),
			el( TextControl, {
				label: __( 'Tools', 'partner-roi' ),
				help: __( 'Any of share, summary, csv, print, present; or all, or none. Empty: share summary print.', 'partner-roi' ),
				value: attributes.tools,
				onChange: set( 'tools' ),
			} ),
			el( SelectControl, { label: __( 'Analytics', 'partner-roi' ), value: attributes.analytics, options: ANALYTICS, onChange: set( 'analytics' ) } ),
			el( TextareaControl, {
				label: __( 'Prefilled figures (JSON)', 'partner-roi' ),
				help: __( 'For example {"existing_clients": 120, "deal_value": 18000}', 'partner-roi' ),
				value: attributes.inputs,
				rows: 3,
				onChange: set( 'inputs' ),
			} ),
			inputs.error ? el( Notice, { status: 'error', isDismissible: false }, inputs.error ) : null,
		);
	}

	function Edit( { attributes, setAttributes } ) {
		const { programId, program } = attributes;
		const media = useSelect( ( select ) => ( programId ? select( 'core' ).getMedia( programId ) : null ), [ programId ] );
		const pasted = parseObject( attributes.programJson );
		const inputs = parseObject( attributes.inputs );
		const programUrl = programId ? media && media.source_url : program.trim();
		return el( Fragment, null,
			el( InspectorControls, null,
				el( ProgramPanel, { attributes, setAttributes, media, pasted } ),
				el( SettingsPanel, { attributes, setAttributes, inputs } ),
			),
			el( 'div', useBlockProps(),
				// The file's address is known once the Media Library has answered.
				programId && ! media && ! pasted.value
					? el( Spinner )
					: el( Preview, { attributes, programUrl, program: pasted.value, inputs: inputs.value } ),
			),
		);
	}

	registerBlockType( 'partner-roi/calculator', {
		edit: Edit,
		save: () => null,
	} );
}( window.wp ) );
