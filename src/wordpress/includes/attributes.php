<?php
/**
 * The element's presentational attributes (lang, theme, loading, tools, analytics, inputs)
 * from a shortcode's or a block's settings. A value is kept only when it is one the widget
 * knows; anything else is dropped and named in a problem, so no text of the author's
 * reaches the page but a language tag, a listed word or re-encoded JSON.
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

/** The values each fixed-choice attribute accepts (docs/embedding.md, "Attributes"). */
const PARTNER_ROI_CHOICES = array(
	'theme'     => array( 'auto', 'light', 'dark' ),
	'loading'   => array( 'lazy', 'eager' ),
	'analytics' => array( 'datalayer', 'gtag' ),
);

/** The toolbar's tool names, and `all` and `none`. */
const PARTNER_ROI_TOOLS = array( 'share', 'summary', 'csv', 'print', 'present', 'all', 'none' );

/** A language tag: `de`, `pt-BR`, `de-AT`… (the widget picks the language it speaks). */
const PARTNER_ROI_LANGUAGE_TAG = '/^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$/i';

/** The longest `inputs` JSON accepted: a prefill is a few numbers. */
const PARTNER_ROI_INPUTS_BYTES = 4096;

/**
 * The element's attributes for `$settings` (name => raw text) and the problems found:
 * `array( array( attribute => value ), array( problem, … ) )`.
 */
function partner_roi_settings_attributes( array $settings ): array {
	$attributes = array();
	$problems   = array();
	foreach ( array( 'lang', 'theme', 'loading', 'tools', 'analytics', 'inputs' ) as $name ) {
		$raw = trim( (string) ( $settings[ $name ] ?? '' ) );
		if ( '' === $raw ) {
			continue;
		}
		$value = partner_roi_attribute_value( $name, $raw );
		if ( null === $value ) {
			/* translators: 1: attribute name, 2: the value given. */
			$problems[] = sprintf( __( '%1$s="%2$s" is not a value the calculator knows; it is ignored.', 'partner-roi' ), $name, partner_roi_excerpt( $raw ) );
		} else {
			$attributes[ $name ] = $value;
		}
	}
	return array( $attributes, $problems );
}

/** The attribute's value for the raw text, or null when the widget would not know it. */
function partner_roi_attribute_value( string $name, string $raw ): ?string {
	switch ( $name ) {
		case 'lang':
			return preg_match( PARTNER_ROI_LANGUAGE_TAG, $raw ) ? $raw : null;
		case 'tools':
			return partner_roi_tools_value( $raw );
		case 'inputs':
			return partner_roi_inputs_value( $raw );
		default:
			$value = strtolower( $raw );
			return in_array( $value, PARTNER_ROI_CHOICES[ $name ], true ) ? $value : null;
	}
}

/** Space- or comma-separated tool names, each a known one, or null. */
function partner_roi_tools_value( string $raw ): ?string {
	$names = preg_split( '/[\s,]+/', strtolower( $raw ), -1, PREG_SPLIT_NO_EMPTY );
	foreach ( $names as $tool ) {
		if ( ! in_array( $tool, PARTNER_ROI_TOOLS, true ) ) {
			return null;
		}
	}
	return $names ? implode( ' ', array_unique( $names ) ) : null;
}

/** A JSON object of input names to figures, re-encoded, or null. */
function partner_roi_inputs_value( string $raw ): ?string {
	$inputs = partner_roi_json_object( $raw, PARTNER_ROI_INPUTS_BYTES );
	return is_object( $inputs ) ? partner_roi_json_encode( $inputs, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) : null;
}

/** The author's text, cut to 60 characters, for a problem shown (escaped) to editors. */
function partner_roi_excerpt( string $text ): string {
	return mb_strlen( $text ) > 60 ? mb_substr( $text, 0, 59 ) . '…' : $text;
}
