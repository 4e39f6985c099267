<?php
/**
 * The embed bundle, `assets/partner-roi.js` (it finds `partner-roi_bg.wasm` beside itself):
 * a classic script in the <head> of the pages that use the widget, before the element, so
 * its skeleton is in the page's first frame (docs/embedding.md, "The snippet").
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

/** The script's handle. */
const PARTNER_ROI_SCRIPT = 'partner-roi';

/** Registers the bundle, for the <head> (the block editor's preview depends on it too). */
function partner_roi_register_script(): void {
	wp_register_script( PARTNER_ROI_SCRIPT, plugins_url( 'assets/partner-roi.js', PARTNER_ROI_FILE ), array(), PARTNER_ROI_VERSION, false );
}

/**
 * On `wp_enqueue_scripts`: enqueues the bundle when the page shown is a post whose content
 * has the shortcode or the block, so that it is printed in the <head>.
 */
function partner_roi_enqueue_for_queried_post(): void {
	$post = get_queried_object();
	if ( is_singular() && $post instanceof WP_Post && partner_roi_post_uses_widget( $post ) ) {
		partner_roi_enqueue_script();
	}
}

/** Whether the post's content holds the shortcode or the block. */
function partner_roi_post_uses_widget( WP_Post $post ): bool {
	return has_shortcode( $post->post_content, PARTNER_ROI_SHORTCODE ) || has_block( PARTNER_ROI_BLOCK, $post );
}

/**
 * Enqueues the bundle (once: WordPress prints a handle once). Also called by every widget
 * rendered: one the <head> did not foresee (a widget area, a reusable block, an archive)
 * gets the script in the footer, where it still defines the element.
 */
function partner_roi_enqueue_script(): void {
	wp_enqueue_script( PARTNER_ROI_SCRIPT );
}
