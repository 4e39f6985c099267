<?php
/**
 * Which program the widget shows: a pasted program (embedded in the element as its JSON
 * document), a JSON file in the Media Library (by attachment ID), a URL, or the built-in
 * example (`example`). Nothing given: the widget's own default applies (the example,
 * labelled as such).
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

/** The MIME type of program files in the Media Library. */
const PARTNER_ROI_JSON_MIME = 'application/json';

/**
 * The program for `$settings['program_json']` (a pasted program, first) or
 * `$settings['program']` (an attachment ID, `example`, an http(s) URL or a path `/…`):
 * `array( 'attributes' => …, 'document' => JSON text or null, 'problem' => text or null )`.
 * With a problem, the widget should not be shown: its program would not be the one meant.
 */
function partner_roi_program( array $settings ): array {
	$found  = array(
		'attributes' => array(),
		'document'   => null,
		'problem'    => null,
	);
	$pasted = trim( (string) ( $settings['program_json'] ?? '' ) );
	if ( '' !== $pasted ) {
		$program  = partner_roi_json_object( $pasted, PARTNER_ROI_PROGRAM_BYTES );
		$document = is_object( $program ) ? partner_roi_json_encode( array( 'program' => $program ), PARTNER_ROI_JSON_HEX ) : null;
		if ( null !== $document ) {
			$found['document'] = $document;
		} else {
			$program = is_string( $program ) ? $program : __( 'it cannot be written as JSON again.', 'partner-roi' );
			/* translators: %s: why, e.g. "it is not valid JSON (Syntax error)." */
			$found['problem'] = sprintf( __( 'The pasted program cannot be used: %s', 'partner-roi' ), $program );
		}
		return $found;
	}

	$program = trim( (string) ( $settings['program'] ?? '' ) );
	if ( '' === $program ) {
		return $found;
	}
	if ( 'example' === $program ) {
		$found['attributes']['program'] = 'example';
		return $found;
	}
	$url = ctype_digit( $program ) ? partner_roi_attachment_url( (int) $program ) : partner_roi_program_url( $program );
	if ( $url ) {
		$found['attributes']['program-src'] = $url;
	} else {
		/* translators: %s: the program attribute's value. */
		$found['problem'] = sprintf( __( 'program="%s" is not the ID of a JSON file in the Media Library, an http(s) URL or a path.', 'partner-roi' ), partner_roi_excerpt( $program ) );
	}
	return $found;
}

/** An http(s) URL, or a path on this site (`/…`), or null: no guessing at what else was meant. */
function partner_roi_program_url( string $program ): ?string {
	if ( ! preg_match( '#^(https?:)?/#i', $program ) ) {
		return null;
	}
	return esc_url_raw( $program, array( 'http', 'https' ) ) ?: null;
}

/** The URL of the Media Library's JSON file with this ID, or null. */
function partner_roi_attachment_url( int $id ): ?string {
	if ( 'attachment' !== get_post_type( $id ) || PARTNER_ROI_JSON_MIME !== get_post_mime_type( $id ) ) {
		return null;
	}
	return wp_get_attachment_url( $id ) ?: null;
}
