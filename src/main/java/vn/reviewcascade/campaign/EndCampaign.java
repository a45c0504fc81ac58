package vn.reviewcascade.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;

/**
 * A request to end a campaign early.
 *
 * @param reason why, as the board would write it in a note ("Kế hoạch được thay bằng Kế hoạch số …"); kept with the
 *               campaign and given to the engine as the reason its processes were deleted
 */
public record EndCampaign(
        @NotBlank(message = "Phải ghi lý do kết thúc đợt")
        @Size(max = Limits.MAX_END_REASON, message = "Lý do dài tối đa {max} ký tự")
        @PlainText.Clean(message = "Lý do") String reason) {
}
