<?php
/**
 * The `<partner-roi>` element for a shortcode's or a block's settings. Every attribute name
 * is the plugin's own; every value is a checked one, escaped once more on output.
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

/**
 * The element's HTML for `$settings` (program, program_json, lang, theme, loading, tools,
 * analytics, inputs), with a note listing the settings' problems for those who may edit
 * posts. A program that cannot be used shows nothing to visitors.
 */
function partner_roi_render( array $settings ): string {
	$program = partner_roi_program( $settings );
	[ $attributes, $problems ] = partner_roi_settings_attributes( $settings );
	if ( null !== $program['problem'] ) {
		return partner_roi_notice( array_merge( array( $program['problem'] ), $problems ) );
	}
	partner_roi_enqueue_script();

	$html = '<partner-roi';
	foreach ( array_merge( $program['attributes'], $attributes ) as $name => $value ) {
		$html .= ' ' . $name . '="' . ( 'program-src' === $name ? esc_url( $value ) : esc_attr( $value ) ) . '"';
	}
	if ( partner_roi_viewer_edits() ) {
		// The widget lists the page's configuration problems, for the people who can fix them.
		$html .= ' debug';
	}
	$html .= '>';
	if ( null !== $program['document'] ) {
		$html .= '<script type="application/json">' . $program['document'] . '</script>';
	}
	$html .= '</partner-roi>';
	return partner_roi_notice( $problems ) . $html;
}

/** Whether the person viewing may edit posts (and so may fix a widget's settings). */
function partner_roi_viewer_edits(): bool {
	return current_user_can( 'edit_posts' );
}

/** The problems as a short note for those who may edit posts; nothing for visitors. */
function partner_roi_notice( array $problems ): string {
	if ( ! $problems || ! partner_roi_viewer_edits() ) {
		return '';
	}
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li>' . esc_html( $problem ) . '</li>';
	}
	return '<div class="partner-roi-notice" role="note"><p>' . esc_html__( 'Partner ROI (shown only to editors):', 'partner-roi' ) . '</p><ul>' . $items . '</ul></div>';
}
