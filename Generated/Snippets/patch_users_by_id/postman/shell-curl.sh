curl \
  --request PATCH \
  --globoff \
  --url 'https://{{auth0_domain}}/api/v2/users/:id' \
  --header 'Authorization: Bearer {{auth0_token}}' \
  --header 'Content-Type: application/json' \
  --data-raw '{
  "blocked": true,
  "email_verified": true,
  "email": "",
  "verify_email": true,
  "phone_number": "",
  "phone_verified": true,
  "verify_phone_number": true,
  "password": "",
  "verify_password": true,
  "user_metadata": {},
  "app_metadata": {},
  "connection": "",
  "username": "",
  "client_id": ""
}'
