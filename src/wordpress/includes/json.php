<?php
/**
 * Reading and writing the JSON the plugin handles: program files, pasted programs and the
 * `inputs` prefill. The widget validates a program itself; here JSON is only checked to be
 * one object within a size limit.
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

/** The widget's limit for a program file (crates/engine/src/program_limits.rs). */
const PARTNER_ROI_PROGRAM_BYTES = 256000;

/** Flags that keep JSON inert inside a <script> element or an attribute. */
const PARTNER_ROI_JSON_HEX = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT;

/**
 * The JSON object in `$text`, or why there is none as a clause ("it is larger than 256 KB.",
 * "it is not valid JSON (…).", "its JSON is not an object."). Objects stay objects (`{}` is
 * not turned into `[]`).
 *
 * @return object|string
 */
function partner_roi_json_object( string $text, int $max_bytes ) {
	if ( strlen( $text ) > $max_bytes ) {
		return partner_roi_too_large( $max_bytes );
	}
	$value = json_decode( $text, false, 512 );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		/* translators: %s: the JSON parser's message, e.g. "Syntax error". */
		return sprintf( __( 'it is not valid JSON (%s).', 'partner-roi' ), json_last_error_msg() );
	}
	if ( ! is_object( $value ) ) {
		return __( 'its JSON is not an object.', 'partner-roi' );
	}
	return $value;
}

/** Why JSON text longer than `$max_bytes` is refused. */
function partner_roi_too_large( int $max_bytes ): string {
	/* translators: %s: a size such as "256 KB". */
	return sprintf( __( 'it is larger than %s.', 'partner-roi' ), number_format_i18n( $max_bytes / 1000 ) . ' KB' );
}

/**
 * `$value` as JSON text with `wp_json_encode`, or null. Numbers are written in their
 * shortest exact form whatever php.ini's serialize_precision says, so 0.1 stays 0.1.
 */
function partner_roi_json_encode( $value, int $flags ): ?string {
	$precision = ini_get( 'serialize_precision' );
	ini_set( 'serialize_precision', '-1' ); // phpcs:ignore WordPress.PHP.IniSet.Risky
	$json = wp_json_encode( $value, $flags );
	ini_set( 'serialize_precision', $precision ); // phpcs:ignore WordPress.PHP.IniSet.Risky
	return false === $json ? null : $json;
}
