// hardgen-expect: go/untrusted-data-to-external-api
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"strings"
)

// The raw form value is handed to strings.HasPrefix, an external function without a taint model.
func applyPromo(w http.ResponseWriter, r *http.Request) {
	code := r.PostFormValue("code")
	discount := 0
	if strings.HasPrefix(code, "SPRING") {
		discount = 10
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]int{"discount": discount})
}

func main() {
	http.HandleFunc("/promo", applyPromo)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
