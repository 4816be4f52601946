package io.adplane.users.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.ApiException;
import io.adplane.users.Images;

/**
 * Uploaded logos, avatars and favicons (U15), public as IQM's asset links are: the address names the image's
 * SHA-256, so it never changes and may be cached for good.
 */
@RestController
class ImageController {

    private final Images images;

    ImageController(Images images) {
        this.images = images;
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The image",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/*"))
    @GetMapping("/api/v3/ua/images/{sha256}")
    ResponseEntity<byte[]> image(@PathVariable String sha256) {
        Images.Image image = images.find(sha256)
                .orElseThrow(() -> ApiException.notFound("sha256", "Image not found."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff").body(image.content());
    }
}
