<?php
/**
 * Program files in the Media Library: users who may upload files may upload `.json`, and an
 * upload is refused unless it is one JSON object within the program's 256 KB limit (the
 * widget validates the program itself when it loads it).
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

function partner_roi_hook_uploads(): void {
	add_filter( 'upload_mimes', 'partner_roi_upload_mimes', 10, 2 );
	add_filter( 'wp_check_filetype_and_ext', 'partner_roi_check_filetype', 10, 5 );
	add_filter( 'wp_handle_upload_prefilter', 'partner_roi_check_program_upload' );
	add_filter( 'wp_handle_sideload_prefilter', 'partner_roi_check_program_upload' );
}

/**
 * On `upload_mimes`: adds `.json` for a user who may upload files.
 *
 * @param array            $mimes Extension patterns to MIME types.
 * @param int|WP_User|null $user  The user asked about, or null for the current one.
 */
function partner_roi_upload_mimes( array $mimes, $user = null ): array {
	$allowed = null === $user ? current_user_can( 'upload_files' ) : user_can( $user, 'upload_files' );
	if ( $allowed ) {
		$mimes['json'] = PARTNER_ROI_JSON_MIME;
	}
	return $mimes;
}

/**
 * On `wp_check_filetype_and_ext`: a `.json` file that fileinfo calls plain text (as older
 * libmagic does) is JSON all the same; the prefilter below has checked its content.
 *
 * @param array        $checked   ext, type and proper_filename as WordPress found them.
 * @param string       $file      The file's path.
 * @param string       $filename  Its name.
 * @param array|null   $mimes     The MIME types allowed, or null for the user's.
 * @param string|false $real_mime What fileinfo says it is.
 */
function partner_roi_check_filetype( array $checked, string $file, string $filename, $mimes, $real_mime = false ): array {
	$allowed = is_array( $mimes ) ? $mimes : get_allowed_mime_types();
	if ( ! $checked['ext'] && 'text/plain' === $real_mime && partner_roi_is_json_name( $filename ) && in_array( PARTNER_ROI_JSON_MIME, $allowed, true ) ) {
		$checked['ext']  = 'json';
		$checked['type'] = PARTNER_ROI_JSON_MIME;
	}
	return $checked;
}

/**
 * On `wp_handle_upload_prefilter` and `wp_handle_sideload_prefilter`: refuses a `.json`
 * upload that is not one JSON object of at most 256 KB, saying why.
 *
 * @param array $file The upload: name, type, tmp_name, error, size.
 */
function partner_roi_check_program_upload( array $file ): array {
	if ( ! empty( $file['error'] ) || ! partner_roi_is_json_name( (string) ( $file['name'] ?? '' ) ) ) {
		return $file;
	}
	$program = filesize( $file['tmp_name'] ) > PARTNER_ROI_PROGRAM_BYTES
		? partner_roi_too_large( PARTNER_ROI_PROGRAM_BYTES )
		: partner_roi_json_object( (string) file_get_contents( $file['tmp_name'] ), PARTNER_ROI_PROGRAM_BYTES );
	if ( ! is_object( $program ) ) {
		/* translators: %s: why the file is not a program. */
		$file['error'] = sprintf( __( 'This is not a partner program file: %s', 'partner-roi' ), $program );
	}
	return $file;
}

function partner_roi_is_json_name( string $name ): bool {
	return 'json' === strtolower( pathinfo( $name, PATHINFO_EXTENSION ) );
}
