library(httr2)

req <- request("https://{yourDomain}/api/v2/users/USER_ID") |>
  req_method("PATCH") |>
  req_headers(
    Authorization = "Bearer MGMT_API_ACCESS_TOKEN"
  ) |>
  req_body_raw(r"({"blocked":false,"email_verified":false,"email":"john.doe@gmail.com","phone_number":"+199999999999999","phone_verified":false,"user_metadata":{},"app_metadata":{},"given_name":"John","family_name":"Doe","name":"John Doe","nickname":"Johnny","picture":"https://secure.gravatar.com/avatar/15626c5e0c749cb912f9d1ad48dba440?s=480&r=pg&d=https%3A%2F%2Fssl.gstatic.com%2Fs2%2Fprofiles%2Fimages%2Fsilhouette80.png","verify_email":false,"verify_phone_number":false,"connection":"Initial-Connection","client_id":"DaM8bokEXBWrTUFCiJjWn50jei6ardyX"})", type = "application/json") |>
  req_error(is_error = function(resp) FALSE)

resp <- req_perform(req)
cat(resp_status(resp), "\n")
cat(resp_body_string(resp))
